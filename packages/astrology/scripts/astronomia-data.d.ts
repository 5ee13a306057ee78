/** Types of the VSOP87B data modules of the MIT-licensed `astronomia` package (it ships no types). */
declare module 'astronomia/data/*' {
  /** Coordinate (L, B, R) → power of t as a string → [amplitude, phase, frequency] terms. */
  const data: {
    L: Record<string, number[][]>;
    B: Record<string, number[][]>;
    R: Record<string, number[][]>;
    name: string;
    type: string;
  };
  export default data;
}

import { KERNELS_WASM } from './kernels-wasm';

/** The kernels' exports (assembly/kernels.ts); every pointer is a byte offset into the arena's memory. */
export interface KernelExports {
  addRotors(out: number, frames: number, rotors: number, count: number, state: number): void;
  addCenter(left: number, right: number, center: number, frames: number): void;
  measure(
    inLeft: number,
    inRight: number,
    frames: number,
    received: number,
    carry: number,
    peaks: number,
    bends: number,
    statMask: number,
    gainBound: number,
    ceiling: number,
    measured: number,
  ): number;
  decide(
    state: number,
    measured: number,
    peaks: number,
    bends: number,
    statMask: number,
    constraints: number,
    box: number,
    segments: number,
    gains: number,
    gainMask: number,
    gainBound: number,
    curvature: number,
    releaseStep: number,
    ceiling: number,
    left: number,
    right: number,
    mask: number,
    kernels: number,
  ): void;
  mixLayer(mixLeft: number, mixRight: number, left: number, right: number, envelope: number, count: number, l0: number, lStep: number, r0: number, rStep: number): void;
  raisedCosine(envelope: number, count: number, zr: number, zi: number, wr: number, wi: number): void;
  emit(outLeft: number, outRight: number, frames: number, first: number, gains: number, gainMask: number, left: number, right: number, mask: number, ceiling: number): void;
}

/** One steady rotor: complex start value z and complex per-sample multiplier w (decay folded in); it sounds Re(z·wⁿ). */
export interface Rotor {
  zr: number;
  zi: number;
  wr: number;
  wi: number;
}

const PAGE = 65_536;
/** Scratch of the rotor kernel. */
const STATE_BYTES = 256;
/** Rotors handed to the kernel per call. */
const ROTOR_BATCH = 64;
const RESERVED = STATE_BYTES + ROTOR_BATCH * 32;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to bytes (an AudioWorklet's global scope has no atob). */
function decodeBase64(text: string): Uint8Array {
  const values = new Uint8Array(128);
  for (let index = 0; index < BASE64.length; index++) values[BASE64.charCodeAt(index)] = index;
  const length = text.length;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((length / 4) * 3 - padding);
  let out = 0;
  for (let index = 0; index < length; index += 4) {
    const word = (values[text.charCodeAt(index)]! << 18) | (values[text.charCodeAt(index + 1)]! << 12) | (values[text.charCodeAt(index + 2)]! << 6) | values[text.charCodeAt(index + 3)]!;
    bytes[out++] = word >> 16;
    if (out < bytes.length) bytes[out++] = (word >> 8) & 255;
    if (out < bytes.length) bytes[out++] = word & 255;
  }
  return bytes;
}

let compiled: WebAssembly.Module | undefined;

/**
 * The compiled kernels, compiled synchronously on first use: the binary stays under 4 KB, the most any browser
 * compiles synchronously on its main thread (an AudioWorklet has no such limit).
 */
function kernelModule(): WebAssembly.Module {
  return (compiled ??= new WebAssembly.Module(decodeBase64(KERNELS_WASM) as Uint8Array<ArrayBuffer>));
}

/**
 * A renderer's own instance of the WebAssembly DSP kernels and the memory they work in, sized once (it never
 * grows, so views of it stay valid): buffers that kernels read or write are allocated here.
 *
 * @example
 * const arena = new DspArena(DspArena.bytesFor(3, 4096));
 * const bus = arena.f32(4096);
 * arena.addRotors(bus, 0, 4096, [{ zr: 0.5, zi: 0, wr: Math.cos(0.1), wi: Math.sin(0.1) }]);
 */
export class DspArena {
  /** Memory size in bytes for `buffers` f32 buffers of `frames` samples each (and `bytes` more; an f64 buffer counts as two f32 ones). */
  static bytesFor(buffers: number, frames: number, bytes = 0): number {
    return RESERVED + buffers * (4 * frames + 16) + bytes;
  }

  private readonly memory: WebAssembly.Memory;
  /** The kernels, for callers that pass addresses themselves (see {@link DspArena.address}). */
  readonly kernels: KernelExports;
  private readonly rotors: Float64Array;
  private used = RESERVED;

  constructor(bytes: number) {
    const pages = Math.ceil(bytes / PAGE);
    this.memory = new WebAssembly.Memory({ initial: pages, maximum: pages });
    this.kernels = new WebAssembly.Instance(kernelModule(), { env: { memory: this.memory } }).exports as unknown as KernelExports;
    this.rotors = new Float64Array(this.memory.buffer, STATE_BYTES, 4 * ROTOR_BATCH);
  }

  /** A zeroed f32 buffer in the arena (16-byte aligned). */
  f32(length: number): Float32Array {
    return new Float32Array(this.memory.buffer, this.allocate(4 * length), length);
  }

  /** A zeroed f64 buffer in the arena (16-byte aligned). */
  f64(length: number): Float64Array {
    return new Float64Array(this.memory.buffer, this.allocate(8 * length), length);
  }

  private allocate(bytes: number): number {
    const start = this.used;
    const end = start + ((bytes + 15) & ~15);
    if (end > this.memory.buffer.byteLength) throw new Error('DspArena: out of memory (sized too small)');
    this.used = end;
    return start;
  }

  /** Byte address of array[offset] (an array of this arena). */
  address(array: Float32Array | Float64Array, offset = 0): number {
    if (array.buffer !== this.memory.buffer) throw new Error('DspArena: buffer of another arena');
    return array.byteOffset + array.BYTES_PER_ELEMENT * offset;
  }

  /** out[offset … offset+frames) += Σ Re(zᵣ·wᵣⁿ), n = 0 … frames−1, in f64, each sum rounded once to f32. */
  addRotors(out: Float32Array, offset: number, frames: number, rotors: readonly Rotor[]): void {
    const slots = this.rotors;
    const at = this.address(out, offset);
    for (let first = 0; first < rotors.length; first += ROTOR_BATCH) {
      const count = Math.min(ROTOR_BATCH, rotors.length - first);
      for (let index = 0; index < count; index++) {
        const rotor = rotors[first + index]!;
        slots[4 * index] = rotor.zr;
        slots[4 * index + 1] = rotor.zi;
        slots[4 * index + 2] = rotor.wr;
        slots[4 * index + 3] = rotor.wi;
      }
      this.kernels.addRotors(at, frames, STATE_BYTES, count, 0);
    }
  }

  /** out[offset … offset+frames) += Re(z·wⁿ) for one rotor. */
  addRotor(out: Float32Array, offset: number, frames: number, zr: number, zi: number, wr: number, wi: number): void {
    const slots = this.rotors;
    slots[0] = zr;
    slots[1] = zi;
    slots[2] = wr;
    slots[3] = wi;
    this.kernels.addRotors(this.address(out, offset), frames, STATE_BYTES, 1, 0);
  }

  /** mix[offset + i] += source[i] × envelope[i] × (s0 + step·i), i < count, each side (f64, rounded once to f32). */
  mixLayer(
    mixLeft: Float32Array,
    mixRight: Float32Array,
    offset: number,
    left: Float32Array,
    right: Float32Array,
    envelope: Float64Array,
    count: number,
    l0: number,
    lStep: number,
    r0: number,
    rStep: number,
  ): void {
    this.kernels.mixLayer(this.address(mixLeft, offset), this.address(mixRight, offset), this.address(left), this.address(right), this.address(envelope), count, l0, lStep, r0, rStep);
  }

  /** envelope[offset + i] ×= 0.5 − 0.5·cos(θ₀ + i·Δ), i < count (the angle turned by complex rotation). */
  raisedCosine(envelope: Float64Array, offset: number, count: number, theta0: number, delta: number): void {
    this.kernels.raisedCosine(this.address(envelope, offset), count, Math.cos(theta0), Math.sin(theta0), Math.cos(delta), Math.sin(delta));
  }

  /** left += center and right += center over [0, frames). */
  addCenter(left: Float32Array, right: Float32Array, center: Float32Array, frames: number): void {
    this.kernels.addCenter(this.address(left, 0), this.address(right, 0), this.address(center, 0), frames);
  }
}

/** The opt-in real-device test files and the variable that names each one's port. */
export const realDevices = [
  { variable: 'VAJRA_HW_TRUERNG', file: 'truerng.real.ts' },
  { variable: 'VAJRA_HW_ONERNG', file: 'onerng.real.ts' },
  { variable: 'VAJRA_HW_RELAY', file: 'lcus-relay.real.ts' },
  { variable: 'VAJRA_HW_DMX', file: 'enttec-dmx-pro.real.ts' },
  { variable: 'VAJRA_HW_FIRMATA', file: 'firmata.real.ts' },
] as const;

/** The port a variable names (the config only runs a file whose variable is set). */
export function portOf(variable: (typeof realDevices)[number]['variable']): string {
  const path = process.env[variable];
  if (path === undefined || path === '') throw new Error(`${variable} names no port`);
  return path;
}

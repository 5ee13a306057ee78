export { builtInMantras, mantraSchema, type Mantra } from './mantras';
export { createWheelSchema, dedicationTextSchema, type Wheel, type WheelDedication, type CreateWheelInput } from './wheel';
export type { SpinSegment } from './wheel-counting';
export { createWheelService, type WheelService, type WheelStats, type WheelTotals } from './wheel-service';

export { hardwarePlugin, type HardwarePluginApi, type HardwarePluginOptions, type RngReport } from './hardware-plugin';
export { hardwareConfigSchema, type HardwareConfig, type HardwareConfigInput } from './hardware-config-schema';
export { hardwareProfile, type HardwareProfile } from './hardware-levels';
export { hardwareCommandSchema, type HardwareCommand } from './hardware-command';
export { standardRoom, transportFor, WHEEL_HALL_PIN, WHEEL_MOTOR_PIN, type HardwareRoles } from './standard-room';
export type { HardwareOutputEvent, RoomOutputs } from './room-conductor';

export { firmata, type FirmataApi, type FirmataOptions, type FirmataWheelApi, type FirmataWheelOptions } from './firmata';

import { VajraError, type Vajra } from '@vajra-stream/core';
import type {} from '@vajra-stream/hardware';
import { z } from 'zod';
import { queryNumber } from '../routing/query-number';
import type { Access } from '../auth/access';
import { defineRoute, type AnyRoute } from '../routing/define-route';

// Documented here (the hardware package validates fully), so the adapter never loads the hardware package.
const idParams = z.object({ id: z.string().min(1).max(64) });
const healthSchema = z.object({
  state: z.enum(['connecting', 'connected', 'retrying', 'absent', 'quarantined', 'disconnected', 'stopped']),
  attempt: z.number(),
  reconnects: z.number(),
  lastError: z.object({ code: z.string(), message: z.string(), at: z.iso.datetime() }).nullable(),
  bytesIn: z.number(),
  bytesOut: z.number(),
  uptimeMs: z.number(),
});
const deviceSchema = z
  .object({ deviceId: z.string(), driver: z.string(), transport: z.object({ kind: z.string(), address: z.string() }), health: healthSchema, at: z.iso.datetime() })
  .meta({ id: 'HardwareDevice' });
const profileSchema = z.object({ level: z.number(), amplifierConnected: z.boolean(), amplifier: z.boolean(), transducer: z.boolean(), lights: z.boolean() }).meta({ id: 'HardwareLevel' });
const outputsSchema = z.object({ amplifier: z.boolean(), transducer: z.boolean(), lights: z.number(), wheel: z.number() });
const levelBody = z
  .object({ level: z.number().int().min(0).max(3), amplifierConnected: z.boolean().optional() })
  .strict()
  .meta({ id: 'SetHardwareLevel' });
const commandBody = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('relay'), channel: z.number().int().min(1).max(8), on: z.boolean() }).strict(),
    z.object({ type: z.literal('dmx'), levels: z.record(z.string().regex(/^[1-9][0-9]{0,2}$/), z.number().int().min(0).max(255)), duration: z.number().min(0).max(3600).optional() }).strict(),
    z.object({ type: z.literal('blackout'), duration: z.number().min(0).max(3600).optional() }).strict(),
    z.object({ type: z.literal('pwm'), pin: z.number().int().min(0).max(127), value: z.number().int().min(0).max(255) }).strict(),
    z.object({ type: z.literal('digital'), pin: z.number().int().min(0).max(127), on: z.boolean() }).strict(),
    z.object({ type: z.literal('wheel'), speed: z.number().min(0).max(1) }).strict(),
  ])
  .meta({ id: 'HardwareCommand' });
const summarySchema = z.object({ trials: z.number(), bits: z.number(), cumulativeDeviation: z.number(), stoufferZ: z.number(), p: z.number(), interpretation: z.string() });
const rngSchema = z
  .object({
    deviceId: z.string(),
    period: z.enum(['control', 'intention']),
    bytesReceived: z.number(),
    all: summarySchema,
    control: summarySchema,
    intention: summarySchema,
    windows: z.array(summarySchema.extend({ index: z.number(), period: z.enum(['control', 'intention']), at: z.iso.datetime() })),
  })
  .meta({ id: 'HardwareRngReport', description: 'Statistics only: |Z| < 1.96 is consistent with chance; no reading claims a cause.' });

/**
 * `/api/v1/hardware` (hardware plugin): devices with health, connect/disconnect, device commands (relay,
 * DMX levels and fades, PWM, digital outputs, wheel speed), RNG statistics, and the level. Hardware is a
 * shared room: reading needs any principal (when auth is required); driving outputs needs an admin, or a
 * server that knows it is local only.
 *
 * @example
 * ```ts
 * if (vajra.hasPlugin('hardware')) routes.push(...hardwareRoutes({ authRequired: (request) => server.authRequired(request) }));
 * ```
 */
export function hardwareRoutes(deps: { authRequired?: (request: Request) => boolean }): AnyRoute[] {
  const hardware = (vajra: Vajra) => vajra.plugin('hardware');
  const mayDrive = (access: Access, request: Request) => {
    if (access.admin || !(deps.authRequired?.(request) ?? true)) return;
    throw new VajraError('HARDWARE_FORBIDDEN', 'Only an admin drives the room’s hardware', { status: 403 });
  };
  const tags = ['hardware'];
  return [
    defineRoute({
      method: 'GET',
      path: '/api/v1/hardware',
      summary: 'The level, the outputs it drives, and every device with its health',
      tags,
      auth: 'protected',
      response: z.object({ level: profileSchema, outputs: outputsSchema, devices: z.array(deviceSchema) }),
      handler: ({ vajra }) => ({ level: hardware(vajra).level(), outputs: hardware(vajra).outputs(), devices: hardware(vajra).devices() }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/hardware/devices/{id}',
      summary: 'One device with its health',
      tags,
      auth: 'protected',
      params: idParams,
      response: deviceSchema,
      errors: { 404: 'No device with this id (`DEVICE_NOT_FOUND`)' },
      handler: ({ vajra, params }) => hardware(vajra).status(params.id),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/hardware/devices/{id}/connect',
      summary: 'Supervise a disconnected device again (admin)',
      tags,
      params: idParams,
      response: deviceSchema,
      errors: { 403: 'Only an admin drives the room’s hardware (`HARDWARE_FORBIDDEN`), or the `Host` or `Origin` is not allowed', 404: 'No device with this id (`DEVICE_NOT_FOUND`)' },
      handler: ({ vajra, params, access, request }) => {
        mayDrive(access, request);
        return hardware(vajra).connect(params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/hardware/devices/{id}/disconnect',
      summary: 'Close a device and keep it closed (admin)',
      tags,
      params: idParams,
      response: deviceSchema,
      errors: { 403: 'Only an admin drives the room’s hardware (`HARDWARE_FORBIDDEN`), or the `Host` or `Origin` is not allowed', 404: 'No device with this id (`DEVICE_NOT_FOUND`)' },
      handler: async ({ vajra, params, access, request }) => {
        mayDrive(access, request);
        return hardware(vajra).disconnect(params.id);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/api/v1/hardware/devices/{id}/commands',
      summary: 'Drive a device: relay, DMX levels or fade, blackout, PWM, digital output, wheel speed (admin)',
      tags,
      params: idParams,
      body: commandBody,
      response: z.object({ applied: z.boolean() }).loose(),
      errors: {
        403: 'Only an admin drives the room’s hardware (`HARDWARE_FORBIDDEN`), or the `Host` or `Origin` is not allowed',
        404: 'No device with this id (`DEVICE_NOT_FOUND`)',
        422: 'Invalid command, or one the device does not support (`VALIDATION_FAILED`, `DEVICE_UNSUPPORTED_COMMAND`)',
      },
      handler: async ({ vajra, params, body, access, request }) => {
        mayDrive(access, request);
        return hardware(vajra).command(params.id, body);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/v1/hardware/rng',
      summary: 'RNG statistics: 200-bit trials, Stouffer Z and p-value per window, control and intention periods',
      tags,
      auth: 'protected',
      query: z.object({ device: z.string().min(1).max(64).optional(), windows: queryNumber(z.number().int().min(0).max(1000).default(20)) }).strict(),
      response: rngSchema,
      errors: { 404: 'No RNG device with this id, or none at all (`DEVICE_NOT_FOUND`)' },
      handler: ({ vajra, query }) => hardware(vajra).rng(query.device, { windows: query.windows }),
    }),
    defineRoute({
      method: 'PUT',
      path: '/api/v1/hardware/level',
      summary: 'Set the hardware level (0 speakers only … 3 with lights) and whether an amplifier is connected (admin)',
      tags,
      body: levelBody,
      response: profileSchema,
      errors: { 403: 'Only an admin drives the room’s hardware (`HARDWARE_FORBIDDEN`), or the `Host` or `Origin` is not allowed' },
      handler: ({ vajra, body, access, request }) => {
        mayDrive(access, request);
        return hardware(vajra).setLevel(body as { level: 0 | 1 | 2 | 3; amplifierConnected?: boolean });
      },
    }),
  ];
}

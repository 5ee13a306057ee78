import { describe, expectTypeOf, it } from 'vitest';
import { createVajra, definePlugin } from '../index';
import * as z from 'zod';

// A third-party plugin extends the kernel's maps by declaration merging, exactly as ours do.
interface GreeterApi {
  greet(name: string): string;
}
declare module '../index' {
  interface VajraPluginApis {
    greeter: GreeterApi;
  }
  interface VajraPluginConfigs {
    greeter: { greeting?: string };
  }
  interface VajraEvents {
    'greeter:greeted': { name: string };
  }
}

const greeter = () =>
  definePlugin({
    specificationVersion: 'v1',
    id: 'greeter',
    configSchema: z.object({ greeting: z.string().default('Tashi delek') }),
    setup: (ctx) => {
      expectTypeOf(ctx.config).toEqualTypeOf<{ greeting: string }>();
      return {
        greet(name: string) {
          ctx.events.emit('greeter:greeted', { name });
          return `${ctx.config.greeting}, ${name}`;
        },
      } satisfies GreeterApi;
    },
  });

describe('plugin typing', () => {
  it('types vajra.plugin(id), events and config sections of third-party plugins', () => {
    const vajra = createVajra({ plugins: [greeter()], config: { greeter: { greeting: 'hi' }, logLevel: 'warn' } });
    expectTypeOf(vajra.plugin('greeter')).toEqualTypeOf<GreeterApi>();
    expectTypeOf(vajra.plugin('greeter').greet).parameters.toEqualTypeOf<[string]>();
    vajra.events.on('greeter:greeted', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ name: string }>();
    });
    vajra.events.on('session:started', ({ session }) => {
      expectTypeOf(session.elapsedTime).toBeNumber();
    });
    // @ts-expect-error a payload of the wrong shape is a compile error
    vajra.events.emit('greeter:greeted', { nom: 'x' });
    // @ts-expect-error an unknown event is a compile error
    vajra.events.on('greeter:unknown', () => undefined);
    expectTypeOf(vajra.plugin('undeclared')).toBeUnknown();
  });
});

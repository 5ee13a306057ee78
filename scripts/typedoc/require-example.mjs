// TypeDoc plugin: every declaration a package exports (function, class, variable, enum, interface or type alias
// that is a direct child of an entry module) carries an `@example` block, on its own comment or on one of its
// signatures. A missing one is a warning, and the config treats warnings as errors. Interfaces and type aliases
// are held to it only for the packages in TYPES_ENFORCED while the others get their examples.
import { Converter, ReflectionKind } from 'typedoc';

const VALUES = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable | ReflectionKind.Enum;
const TYPES = ReflectionKind.Interface | ReflectionKind.TypeAlias;
const TYPES_ENFORCED = new Set([
  '@vajra-stream/store-sqlite',
  '@vajra-stream/store-postgres',
  '@vajra-stream/bus-redis',
  '@vajra-stream/cli',
  '@vajra-stream/core',
  '@vajra-stream/oracle',
  '@vajra-stream/visuals',
  '@vajra-stream/hardware',
  '@vajra-stream/astrology',
  '@vajra-stream/audio',
  '@vajra-stream/server-adapter',
]);
const hasExample = (comment) => comment?.blockTags.some((tag) => tag.tag === '@example') ?? false;
// `@vajra-stream/core/testing` belongs to `@vajra-stream/core`.
const packageOf = (module) => module.name.split('/').slice(0, 2).join('/');

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const kinds = TYPES_ENFORCED.has(packageOf(module)) ? VALUES | TYPES : VALUES;
      for (const child of module.children ?? []) {
        if (!child.kindOf(kinds)) continue;
        const signatures = child.signatures ?? child.type?.declaration?.signatures ?? [];
        if (hasExample(child.comment) || signatures.some((signature) => hasExample(signature.comment))) continue;
        app.logger.warn(`${module.name}.${child.name} (${ReflectionKind[child.kind]}) has no @example`);
      }
    }
  });
}

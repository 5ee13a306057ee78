// TypeDoc plugin: every declaration a package exports (function, class, variable, enum, interface or type alias
// that is a direct child of an entry module) carries an `@example` block, on its own comment or on one of its
// signatures. A missing one is a warning, and the config treats warnings as errors.
import { Converter, ReflectionKind } from 'typedoc';

const EXPORTS = ReflectionKind.Function | ReflectionKind.Class | ReflectionKind.Variable | ReflectionKind.Enum | ReflectionKind.Interface | ReflectionKind.TypeAlias;
const hasExample = (comment) => comment?.blockTags.some((tag) => tag.tag === '@example') ?? false;

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_END, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      for (const child of module.children ?? []) {
        if (!child.kindOf(EXPORTS)) continue;
        const signatures = child.signatures ?? child.type?.declaration?.signatures ?? [];
        if (hasExample(child.comment) || signatures.some((signature) => hasExample(signature.comment))) continue;
        app.logger.warn(`${module.name}.${child.name} (${ReflectionKind[child.kind]}) has no @example`);
      }
    }
  });
}

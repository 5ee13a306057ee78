/**
 * The panel that stands in for one whose plugin the server does not have.
 *
 * @example
 * ```tsx
 * if (!enabled) return <MissingPluginPanel name="oracle" title="Oracle" plugin="oracle" />;
 * ```
 */
export function MissingPluginPanel({ name, title, plugin }: { name: string; title: string; plugin: string }) {
  return (
    <section class={`panel ${name}`} aria-labelledby={`${name}-title`}>
      <h2 id={`${name}-title`} class="panel__title">
        {title}
      </h2>
      <p class="empty">The {plugin} plugin is not installed on this server.</p>
    </section>
  );
}

import { defineCommand, type Command } from '../command/define-command';

// Each command is imported only when it runs (or its help is asked for): `vajra astro moon` never
// loads the LLM clients, `vajra --help` loads nothing. The summaries here are the ones listed by
// `vajra --help`; test/commands.test.ts checks they match the commands'.
const lazy = (name: string, summary: string, load: () => Promise<Command>): Command => ({ name, summary, usage: name, load });

/** `vajra`: every command. */
export const rootCommand = defineCommand({
  name: 'vajra',
  summary: 'the Vajra.Stream command line',
  usage: '<command> [options]\nhelp <command>\n--version',
  subcommands: [
    lazy('render', 'render a program (JSON) or an SBaGen sequence (.sbg) to a WAV file', async () => (await import('./render-command')).renderCommand),
    lazy('play', 'play a program (JSON) or an SBaGen sequence (.sbg) on the speakers', async () => (await import('./play-command')).playCommand),
    lazy('astro', 'charts, moon phases, sun times, planetary hours, panchanga and the Tibetan calendar', async () => (await import('./astro/astro-command')).astroCommand),
    lazy('wheel', 'spin a prayer wheel on the SQLite store with a live count', async () => (await import('./wheel/wheel-command')).wheelCommand),
    lazy('oracle', 'prayers, teachings, guided meditations and session plans (offline, or from an LLM)', async () => (await import('./oracle/oracle-command')).oracleCommand),
    lazy('serve', 'run the reference server: REST + WebSocket, SQLite store, every plugin', async () => (await import('./serve-command')).serveCommand),
  ],
  examples: ['vajra render bowl.json', 'vajra astro moon --json', 'vajra wheel --rpm 60', 'vajra oracle generate "peace for all beings"', 'vajra serve'],
  notes: [
    'Exit codes',
    '  0    done',
    '  1    failed for another reason',
    '  2    wrong command line (error USAGE)',
    '  3    input refused: invalid program, date, file or setting (VALIDATION_FAILED, FILE_NOT_FOUND, CONFIG_INVALID, …)',
    '  4    unavailable: no audio device, LLM provider failed, rate or spending limit (AUDIO_OUTPUT_UNAVAILABLE, PROVIDER_*, …)',
    '  130  interrupted by Ctrl-C or SIGTERM before the work was done (nothing partial is left)',
    '  Errors are one line on stderr, `error CODE: message` (and {"error":{…}} on stdout with --json).',
    '',
    'Environment',
    '  NO_COLOR, FORCE_COLOR   colours are used only on a terminal unless these say otherwise',
    "  VAJRA_*                 kernel, plugin and server settings (see each command's help)",
  ].join('\n'),
});

// Where the DMX bench's processes run, so the jitter it measures is the sender's and the pseudo-terminal's,
// not the measuring apparatus's: the sending process (ours or the peer, all its threads) on the last core,
// the reader's main thread and socat on the others and — where this process may (root or CAP_SYS_NICE) — at SCHED_FIFO,
// so that their wake-ups do not wait behind the machine's other work. The apparatus takes CPU 0, the one the
// repository's other benches pin their servers to: at SCHED_FIFO it does not wait behind them, an
// ordinary-priority sender would. Every run reports the placement as read back from /proc, not as asked for.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How the bench places its processes (`shared`: as the scheduler likes, no pinning, ordinary priority). */
export interface PlacementPlan {
  mode: 'isolated' | 'shared';
  /** CPU list of the sending process, and of the reader and socat. */
  senderCpus?: string;
  apparatusCpus?: string;
  /** SCHED_FIFO priorities of the reader and socat (absent: ordinary priority, e.g. without CAP_SYS_NICE). */
  readerFifo?: number;
  socatFifo?: number;
  /** Why the reader and socat run at ordinary priority in `isolated` mode. */
  realtimeRefused?: string;
}

/** A process's (or thread's) placement as the kernel has it. */
export interface Placed {
  cpus: string;
  policy: string;
  priority: number;
}

const POLICIES = ['SCHED_OTHER', 'SCHED_FIFO', 'SCHED_RR', 'SCHED_BATCH', 'SCHED_ISO', 'SCHED_IDLE', 'SCHED_DEADLINE'];

/** Why this process may not run others at SCHED_FIFO, or undefined when it may (tried, not guessed). */
function realtimeRefusal(): string | undefined {
  const tried = spawnSync('chrt', ['-f', '1', 'true'], { stdio: 'ignore' });
  if (tried.error !== undefined) return `chrt not found (${tried.error.message})`;
  return tried.status === 0 ? undefined : 'chrt -f refused (neither root nor CAP_SYS_NICE)';
}

/** The plan for `mode`: two CPUs at least for `isolated`, SCHED_FIFO where it is allowed. */
export function planPlacement(mode: 'isolated' | 'shared', cpuCount: number): PlacementPlan {
  if (mode === 'shared') return { mode };
  if (cpuCount < 2) throw new Error('--placement isolated needs two CPUs at least');
  const last = cpuCount - 1;
  const cpus = { senderCpus: String(last), apparatusCpus: last === 1 ? '0' : `0-${last - 1}` };
  const refused = realtimeRefusal();
  return { mode, ...cpus, ...(refused === undefined ? { readerFifo: 20, socatFifo: 10 } : { realtimeRefused: refused }) };
}

/** The command line that starts socat (one thread) placed as the plan says. */
export function placedSocat(plan: PlacementPlan, command: string, args: string[]): [string, string[]] {
  let line = [command, ...args];
  if (plan.socatFifo !== undefined) line = ['chrt', '-f', String(plan.socatFifo), ...line];
  if (plan.apparatusCpus !== undefined) line = ['taskset', '-c', plan.apparatusCpus, ...line];
  return [line[0] as string, line.slice(1)];
}

/**
 * Places the reader's main thread — the one that reads and timestamps — as the plan says, once it runs. Its
 * other threads (V8's helpers) keep ordinary priority and every CPU: a real-time main thread waiting for a
 * helper at the same priority on its one core would never get it (a reader started whole under chrt -f
 * hung so, spinning), and V8 with --single-threaded does that work on the main thread instead (10–15 ms
 * pauses in every run measured).
 */
export function placeReader(plan: PlacementPlan, pid: number): void {
  if (plan.apparatusCpus !== undefined) execFileSync('taskset', ['-p', '-c', plan.apparatusCpus, String(pid)], { stdio: 'ignore' });
  if (plan.readerFifo !== undefined) execFileSync('chrt', ['-f', '-p', String(plan.readerFifo), String(pid)], { stdio: 'ignore' });
}

/**
 * Pins every thread of process `pid` to `cpus` (threads it starts later inherit it: the refresh worker,
 * libuv's pool).
 */
export function pinProcess(pid: number, cpus: string): void {
  execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)], { stdio: 'ignore' });
}

/** Placement of process `pid` (its main thread, or thread `tid`), read from /proc. */
export function placed(pid: number, tid = pid): Placed {
  const status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at field 3; rt_priority is 40, policy 41.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    cpus: /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1] ?? '?',
    policy: POLICIES[Number(fields[38])] ?? `policy ${fields[38]}`,
    priority: Number(fields[37]),
  };
}

/** The distinct placements of the threads of process `pid`, each with how many threads have it. */
export function placedThreads(pid: number): Array<Placed & { threads: number }> {
  const distinct = new Map<string, Placed & { threads: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    let thread: Placed;
    try {
      thread = placed(pid, Number(tid));
    } catch {
      continue; // the thread ended meanwhile
    }
    const key = JSON.stringify(thread);
    const seen = distinct.get(key);
    if (seen === undefined) distinct.set(key, { ...thread, threads: 1 });
    else seen.threads += 1;
  }
  return [...distinct.values()];
}

// Where a benchmark's CPU went, read from Linux's /proc: a server process's CPU time (all its threads, and its main
// thread alone) and the machine's idle time. A throughput figure alone cannot tell a server that waits from one
// that has run out of cores; these can. Elsewhere than Linux they are not measured.
import fs from 'node:fs';

/** Clock ticks per second of /proc's times: USER_HZ, 100 on every Linux Node supports. */
const TICKS_PER_S = 100;

interface CpuSnapshot {
  /** The process's user + system CPU time, µs. */
  processUs: number;
  /** Its main thread's (the thread whose id is the process id), µs. */
  mainThreadUs: number;
  /** All cores' time together (/proc/stat's first line), and the part of it idle or waiting for I/O, µs. */
  machine: { totalUs: number; idleUs: number };
}

export interface CpuSpent {
  processUs: number;
  mainThreadUs: number;
  /** Share of all cores' time that nothing ran, in %. */
  machineIdlePct: number;
}

/** Undefined where /proc cannot be read (not Linux, or the process has exited). */
function cpuSnapshot(pid: number): CpuSnapshot | undefined {
  try {
    return {
      processUs: cpuTimeUs(`/proc/${pid}/stat`),
      mainThreadUs: cpuTimeUs(`/proc/${pid}/task/${pid}/stat`),
      machine: machineTimes(),
    };
  } catch {
    return undefined;
  }
}

function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): CpuSpent {
  return {
    processUs: after.processUs - before.processUs,
    mainThreadUs: after.mainThreadUs - before.mainThreadUs,
    machineIdlePct: ((after.machine.idleUs - before.machine.idleUs) / (after.machine.totalUs - before.machine.totalUs)) * 100,
  };
}

/**
 * Starts a measured stretch: what a server process (when its pid is known and /proc can be read) and this process,
 * the load generator, spend until the returned function is called.
 */
export function cpuWindow(serverPid: number | undefined): () => { server: CpuSpent | undefined; loadUs: number } {
  const before = serverPid === undefined ? undefined : cpuSnapshot(serverPid);
  const loadBefore = process.cpuUsage();
  return () => {
    const load = process.cpuUsage(loadBefore);
    const after = serverPid === undefined ? undefined : cpuSnapshot(serverPid);
    return { server: before && after && cpuSpent(before, after), loadUs: load.user + load.system };
  };
}

function cpuTimeUs(statPath: string): number {
  const stat = fs.readFileSync(statPath, 'utf8');
  // The command name, in parentheses, may hold spaces: fields are counted from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_S;
}

function machineTimes(): { totalUs: number; idleUs: number } {
  // "cpu  user nice system idle iowait irq softirq steal guest guest_nice"; guest time is counted in user already.
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
  const us = (t: number) => (t * 1e6) / TICKS_PER_S;
  return { totalUs: us(ticks.reduce((a, b) => a + b, 0)), idleUs: us(ticks[3]! + ticks[4]!) };
}

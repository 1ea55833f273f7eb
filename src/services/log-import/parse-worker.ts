// Entry point of the parser thread (see parser-thread.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { serveParseJob } from './parser-thread.js';
import type { ParseJob } from './parse-log-files.js';

if (parentPort) void serveParseJob(parentPort, workerData as ParseJob);

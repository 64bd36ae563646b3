// Bench probe, preloaded into the server with NODE_OPTIONS=--require <this file>: measures the
// event-loop delay of each server process (main thread only) and, on SIGUSR2, writes it as JSON
// to ORION_ELD_FILE ("%p" in the path becomes the pid, one file per process) and starts over.
// Not product code: it does nothing unless ORION_ELD_FILE is set.
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload (--require) */
"use strict";

const { isMainThread } = require("node:worker_threads");

const template = process.env.ORION_ELD_FILE;
// Preloads also run in worker threads (the bcrypt pool); only the event loop of a process counts.
if (isMainThread && template) install(template);

function install(fileTemplate) {
  const fs = require("node:fs");
  const net = require("node:net");
  const { monitorEventLoopDelay } = require("node:perf_hooks");

  const RESOLUTION_MS = 10;
  const NS_PER_MS = 1e6;
  const file = fileTemplate.replaceAll("%p", String(process.pid));
  const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  histogram.enable();

  let seq = 0;
  let windowStart = Date.now();
  let cpuStart = process.cpuUsage();
  /** Addresses this process listens on, so the reader can tell the serving process apart. */
  const listening = [];

  // Record every listen of this process (http.Server inherits it from net.Server).
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function probedListen(...args) {
    this.once("listening", () => {
      const address = this.address();
      listening.push(
        typeof address === "string" ? address : address ? `${address.address}:${address.port}` : "?",
      );
      write(report(false));
    });
    return listen.apply(this, args);
  };

  function ms(ns) {
    return Math.round((ns / NS_PER_MS) * 1000) / 1000;
  }

  // Values are the raw histogram: each sample includes the RESOLUTION_MS timer interval itself.
  function report(withHistogram) {
    const cpu = process.cpuUsage(cpuStart);
    const base = {
      pid: process.pid,
      ppid: process.ppid,
      seq,
      listening,
      resolutionMs: RESOLUTION_MS,
      windowMs: Date.now() - windowStart,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    };
    if (!withHistogram || histogram.count === 0) return { ...base, count: 0 };
    return {
      ...base,
      count: histogram.count,
      minMs: ms(histogram.min),
      meanMs: ms(histogram.mean),
      p50Ms: ms(histogram.percentile(50)),
      p90Ms: ms(histogram.percentile(90)),
      p99Ms: ms(histogram.percentile(99)),
      maxMs: ms(histogram.max),
    };
  }

  function write(body) {
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, JSON.stringify(body));
      fs.renameSync(tmp, file);
    } catch (error) {
      process.emitWarning(
        `eld-probe: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  process.on("SIGUSR2", () => {
    seq += 1;
    write(report(true));
    histogram.reset();
    windowStart = Date.now();
    cpuStart = process.cpuUsage();
  });

  // Announce this process, so the reader knows whom to signal.
  write(report(false));
}

import { orderDependence } from './digest';
import type { ProvingReport } from './prove';

/** The report as text: the digests side by side, the counts, every fault with its time, the problems. */
export function formatReport(report: ProvingReport): string {
  const lines: string[] = [];
  const [clean, faults] = report.runs;
  const w = report.workload;
  lines.push(
    `workload: seed ${w.seed}, ${w.setup.length} setup calls, ${w.calls.length} calls, ${w.intake.length} intake records, ` +
      `${w.expected.leads} people, ${w.expected.poisonCalls} poison calls, ` +
      `${Object.values(w.expected.poisonIntake).reduce((a, b) => a + b, 0)} poison intake records, ${w.erasures.length} erasures`,
  );
  for (const run of report.runs)
    lines.push(
      `${run.name}: ${run.seconds.toFixed(0)} s, ${run.faults.length} faults, ${run.sent.retried} retried sends` +
        (run.exitedOnTheirOwn.length
          ? `, exited on their own: ${run.exitedOnTheirOwn.map((e) => `${e.service} (${e.code})`).join(', ')}`
          : ''),
    );
  lines.push('', `${'part'.padEnd(58)} ${(clean?.name ?? '').padEnd(24)} ${(faults?.name ?? '').padEnd(24)}`);
  const keys = [...(clean?.digest.parts.keys() ?? [])];
  for (const key of faults ? new Set([...keys, ...faults.digest.parts.keys()]) : keys) {
    const a = clean?.digest.parts.get(key);
    const b = faults?.digest.parts.get(key);
    const cell = (p: typeof a) => (p ? `${String(p.count).padStart(6)} ${p.hash}` : 'missing').padEnd(24);
    const mark =
      !faults || a?.hash === b?.hash ? '' : orderDependence(key) ? '  varies (order)' : '  DIFFERENT';
    lines.push(`${key.padEnd(58)} ${cell(a)} ${faults ? cell(b) : ''}${mark}`);
  }
  lines.push('', 'topic records (raw / republished / keys):');
  for (const [topic, c] of clean?.digest.topics ?? []) {
    const f = faults?.digest.topics.get(topic);
    const cell = (x: typeof c | undefined) => (x ? `${x.records} / ${x.republished} / ${x.keys}` : '');
    lines.push(`  ${topic.padEnd(24)} ${cell(c).padEnd(22)} ${cell(f)}`);
  }
  if (faults?.faults.length) {
    lines.push('', `faults injected (${faults.faults.length}):`);
    for (const f of faults.faults)
      lines.push(
        `  ${(f.atMs / 1_000).toFixed(1).padStart(7)} s  ${f.kind.padEnd(16)} ${f.target.padEnd(12)} ${f.tookMs} ms`,
      );
  }
  for (const run of report.runs)
    for (const e of run.exitedOnTheirOwn)
      lines.push(
        '',
        `${run.name}: ${e.service} exited (${e.code}) on its own; its last output:`,
        e.lastOutput,
      );
  if (report.varies.length) {
    lines.push(
      '',
      `${report.varies.length} order-dependent parts differ (digest.ts ORDER_DEPENDENT; shown, not failed):`,
    );
    for (const v of report.varies) lines.push(`  ${v}`);
  }
  lines.push(
    '',
    report.problems.length
      ? `${report.problems.length} problems:`
      : 'no problems: every part that must be equal is, no event lost or applied twice, the dead letters as expected',
  );
  for (const p of report.problems) lines.push(`  ${p}`);
  return lines.join('\n');
}

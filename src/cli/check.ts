import { CHECK_DESCRIPTIONS } from '../store/consistency.js';
import { openStore } from '../store/open.js';
import { json, type Output } from './output.js';

/** `parallax check`: verifies the stored archive's invariants; exit 1 when any is broken. */
export async function checkCommand(options: { db?: string; json?: boolean }, io: Output): Promise<number> {
  const store = openStore(options.db);
  try {
    const report = await store.check();
    if (options.json) {
      io.out(json(report));
    } else {
      io.out(`${report.articles} article${report.articles === 1 ? '' : 's'} in ${report.stories} stor${report.stories === 1 ? 'y' : 'ies'}`);
      for (const check of report.checks) {
        const found = report.problems.filter((p) => p.check === check);
        io.out(`${found.length === 0 ? 'ok  ' : 'FAIL'}  ${check.padEnd(16)} ${CHECK_DESCRIPTIONS[check]}`);
        for (const p of found) io.out(`        ${p.id ? `${p.id}: ` : ''}${p.problem}`);
      }
    }
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    await store.close();
  }
}

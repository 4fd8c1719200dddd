// The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark): texts as multisets of
// 4-token shingles of \w+ tokens; per page TP/FP/FN over shingles; precision and recall averaged over pages.

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  const n = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    // An empty text has no shingles: such a page counts for recall only, as the published figures were computed.
    if (tokens.length === 0) break;
    const key = tokens.slice(i, i + SHINGLE).join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

export function pageCounts(truth: string, predicted: string): { tp: number; fp: number; fn: number } {
  const t = shingles(truth);
  const p = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const inTruth = t.get(key) ?? 0;
    tp += Math.min(count, inTruth);
    fp += Math.max(0, count - inTruth);
  }
  for (const [key, count] of t) fn += Math.max(0, count - (p.get(key) ?? 0));
  return { tp, fp, fn };
}

/** Mean precision over pages with output, mean recall over pages with truth, F1 of the two means. */
export function shingleScore(pages: { truth: string; predicted: string }[]): { precision: number; recall: number; f1: number } {
  let precisionSum = 0;
  let precisionPages = 0;
  let recallSum = 0;
  let recallPages = 0;
  for (const { truth, predicted } of pages) {
    const { tp, fp, fn } = pageCounts(truth, predicted);
    if (tp + fp > 0) {
      precisionSum += tp / (tp + fp);
      precisionPages++;
    }
    if (tp + fn > 0) {
      recallSum += tp / (tp + fn);
      recallPages++;
    }
  }
  const precision = precisionPages ? precisionSum / precisionPages : 0;
  const recall = recallPages ? recallSum / recallPages : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

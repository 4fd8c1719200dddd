/** B-cubed precision, recall and F1 of a clustering against gold classes (Bagga & Baldwin 1998). */
export function bcubed(predicted: string[], gold: string[]): { precision: number; recall: number; f1: number } {
  const byPredicted = groupIndexes(predicted);
  const byGold = groupIndexes(gold);
  let precision = 0;
  let recall = 0;
  for (let i = 0; i < predicted.length; i++) {
    const cluster = byPredicted.get(predicted[i])!;
    const cls = byGold.get(gold[i])!;
    const both = cluster.filter((j) => gold[j] === gold[i]).length;
    precision += both / cluster.length;
    recall += both / cls.length;
  }
  precision /= predicted.length;
  recall /= predicted.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall || 1) };
}

function groupIndexes(labels: string[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  labels.forEach((label, i) => {
    const list = map.get(label);
    if (list) list.push(i);
    else map.set(label, [i]);
  });
  return map;
}

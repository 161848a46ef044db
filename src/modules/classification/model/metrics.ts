export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  perClass: Record<string, ClassMetrics>;
}

const round = (v: number) => Math.round(v * 10000) / 10000;

/**
 * Accuracy and macro-F1 over the classes present in the gold labels (a class only ever
 * predicted still costs precision elsewhere, but does not get an F1 of its own).
 */
export function score(gold: string[], predicted: string[]): Scores {
  const classes = [...new Set(gold)].sort();
  let correct = 0;
  const perClass: Record<string, ClassMetrics> = {};
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  let f1Sum = 0;
  for (const c of classes) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (let i = 0; i < gold.length; i++) {
      if (predicted[i] === c && gold[i] === c) tp++;
      else if (predicted[i] === c) fp++;
      else if (gold[i] === c) fn++;
    }
    const precision = tp + fp ? tp / (tp + fp) : 0;
    const recall = tp + fn ? tp / (tp + fn) : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    f1Sum += f1;
    perClass[c] = { precision: round(precision), recall: round(recall), f1: round(f1), support: tp + fn };
  }
  return {
    accuracy: round(gold.length ? correct / gold.length : 0),
    macroF1: round(classes.length ? f1Sum / classes.length : 0),
    perClass,
  };
}

import { Injectable } from '@nestjs/common';
import { ClassificationService } from '../classification/classification.service.js';
import type { ClassificationResult } from '../classification/classification.types.js';
import type { NormalizedRemark } from './normalize.js';

const CLASSIFY_CHARS = 5000;

/** Classifies a remark once per batch: the result is cached by remark index. */
@Injectable()
export class RemarkClassifier {
  constructor(private readonly classification: ClassificationService) {}

  classify(remark: NormalizedRemark, cache: Map<number, ClassificationResult>): ClassificationResult {
    let result = cache.get(remark.index);
    if (!result) {
      // The opening of a remark says what it is about; 100 KB bodies would only cost time.
      const text = (remark.subject ? `${remark.subject}\n${remark.body}` : remark.body).slice(
        0,
        CLASSIFY_CHARS,
      );
      result = this.classification.classify(text, { rating: remark.rating });
      cache.set(remark.index, result);
    }
    return result;
  }
}

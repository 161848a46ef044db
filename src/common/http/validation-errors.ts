interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** One message per bad field, nested fields named by their path ("remarks.3.text …"). */
export function flattenValidationErrors(errors: ValidationErrorLike[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((m) => (prefix ? `${path}: ${m}` : m));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

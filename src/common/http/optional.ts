import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null: class-validator's IsOptional lets null through
 * unchecked, and it would then reach a NOT NULL column as a 500 instead of a 400. Fields that may
 * be cleared keep `IsOptional()` with `ValidateIf((_o, v) => v !== null)`.
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

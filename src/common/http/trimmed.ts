import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

/** Strings from forms and pasted values carry stray whitespace; other values pass to validation as they are. */
export const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** Trims a string field before it is validated. */
export const Trimmed = (): PropertyDecorator => Transform(trim);

/**
 * A trimmed string that is not blank and at most `max` characters long (names, message bodies).
 * Listed bottom-up, the order stacked decorators apply in, so validation messages keep their order.
 */
export const TrimmedText = (max: number): PropertyDecorator =>
  applyDecorators(
    // PostgreSQL cannot store NUL in text, and it is never meant in a name or a message.
    // eslint-disable-next-line no-control-regex
    Matches(/^[^\u0000]*$/, { message: '$property must not contain NUL characters' }),
    MaxLength(max),
    MinLength(1),
    IsString(),
    Transform(trim),
  );

import { ValidateBy, ValidationOptions } from 'class-validator';
import { isIsoDate, mapNameProblem } from '@tadoru/common';

/** An `asOf` argument: a real calendar date YYYY-MM-DD (the same check as everywhere else, `isIsoDate`). */
export function IsAsOf(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAsOf',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isIsoDate(value),
        defaultMessage: (args) => `${args?.property ?? 'asOf'} must be a date YYYY-MM-DD, got "${String(args?.value)}"`,
      },
    },
    options,
  );
}

/** A user's map name: an id that does not start with the reserved `_`. */
export function IsMapName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMapName',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && mapNameProblem(value) === null,
        defaultMessage: (args) => `${args?.property ?? 'name'}: ${typeof args?.value === 'string' ? mapNameProblem(args.value) : 'must be a map name'}`,
      },
    },
    options,
  );
}

import { type ClassType, Field, ID, InputType, Int } from 'type-graphql';
import type { ReturnTypeFuncValue } from 'type-graphql/build/typings/decorators/types';

import { DateScalar, DateTimeScalar } from '../../database/entity/scalars/date.scalar';
import { DecimalScalar } from '../../database/entity/scalars/decimal.scalar';

/**
 * The operators a filter offers on one field, by kind of field. Every operator given must hold
 * (AND); combine alternatives with the filter's `or`.
 */

@InputType({ description: 'Conditions on a global id.' })
export class IDFilter {
  @Field(() => ID, { nullable: true, description: 'Equal to this id.' })
  eq?: string;

  @Field(() => ID, { nullable: true, description: 'Different from this id.' })
  ne?: string;

  @Field(() => [ID], { nullable: true, description: 'One of these ids (at most 500).' })
  in?: string[];

  @Field(() => [ID], { nullable: true, description: 'None of these ids (at most 500).' })
  notIn?: string[];
}

@InputType({
  description:
    'Conditions on a text. `contains` and `startsWith` ignore case and accents ("pole" finds "Pôle"); ' +
    '`eq` and `in` compare exactly.',
})
export class StringFilter {
  @Field(() => String, { nullable: true, description: 'Exactly this text.' })
  eq?: string | null;

  @Field(() => String, { nullable: true, description: 'Anything but this text.' })
  ne?: string | null;

  @Field(() => [String], { nullable: true, description: 'One of these texts (at most 500).' })
  in?: string[];

  @Field(() => [String], { nullable: true, description: 'None of these texts (at most 500).' })
  notIn?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Contains this text, ignoring case and accents.',
  })
  contains?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Starts with this text, ignoring case and accents.',
  })
  startsWith?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has one.' })
  isNull?: boolean;
}

@InputType({ description: 'Conditions on a true/false field.' })
export class BooleanFilter {
  @Field(() => Boolean, { nullable: true, description: 'Equal to this value.' })
  eq?: boolean;
}

/** Comparison operators (eq, ne, in, notIn, gt, gte, lt, lte, isNull) over a scalar. */
function rangeFilter<T>(
  name: string,
  scalar: () => ReturnTypeFuncValue,
  description: string,
): ClassType {
  @InputType(name, { description })
  class RangeFilter {
    @Field(scalar, { nullable: true, description: 'Equal to this value.' })
    eq?: T | null;

    @Field(scalar, { nullable: true, description: 'Different from this value.' })
    ne?: T | null;

    @Field(() => [scalar()], { nullable: true, description: 'One of these values (at most 500).' })
    in?: T[];

    @Field(() => [scalar()], { nullable: true, description: 'None of these values (at most 500).' })
    notIn?: T[];

    @Field(scalar, { nullable: true, description: 'Greater than this value.' })
    gt?: T;

    @Field(scalar, { nullable: true, description: 'Greater than or equal to this value.' })
    gte?: T;

    @Field(scalar, { nullable: true, description: 'Less than this value.' })
    lt?: T;

    @Field(scalar, { nullable: true, description: 'Less than or equal to this value.' })
    lte?: T;

    @Field(() => Boolean, { nullable: true, description: 'true: has no value; false: has one.' })
    isNull?: boolean;
  }
  return RangeFilter;
}

export const IntFilter = rangeFilter('IntFilter', () => Int, 'Conditions on a whole number.');
export const DecimalFilter = rangeFilter(
  'DecimalFilter',
  () => DecimalScalar,
  'Conditions on an exact decimal (amounts in euros, shares), given as strings.',
);
export const DateFilter = rangeFilter(
  'DateFilter',
  () => DateScalar,
  'Conditions on a date (YYYY-MM-DD).',
);
export const DateTimeFilter = rangeFilter(
  'DateTimeFilter',
  () => DateTimeScalar,
  'Conditions on an instant (ISO 8601).',
);

const enumFilters = new Map<object, ClassType>();

/** `<Enum>Filter { eq ne in notIn }` for a registered enum; one class per enum. */
export function enumFilter(enumType: object, enumName: string): ClassType {
  const existing = enumFilters.get(enumType);
  if (existing) return existing;

  @InputType(`${enumName}Filter`, { description: `Conditions on a ${enumName} value.` })
  class EnumFilter {
    @Field(() => enumType, { nullable: true, description: 'Equal to this value.' })
    eq?: string;

    @Field(() => enumType, { nullable: true, description: 'Different from this value.' })
    ne?: string;

    @Field(() => [enumType], { nullable: true, description: 'One of these values.' })
    in?: string[];

    @Field(() => [enumType], { nullable: true, description: 'None of these values.' })
    notIn?: string[];
  }
  enumFilters.set(enumType, EnumFilter);
  return EnumFilter;
}

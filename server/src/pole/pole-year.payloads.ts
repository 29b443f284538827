import { payloadType } from '../graphql/mutation/payload';
import { PoleYear } from './pole-year.entity';

export const RecordPoleYearPayload = payloadType(
  'RecordPoleYear',
  'poleYear',
  () => PoleYear,
  'The year’s figures as recorded; null when refused.',
);

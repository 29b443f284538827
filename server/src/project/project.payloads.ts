import { payloadType } from '../graphql/mutation/payload';
import { Project } from './project.entity';
import { ProjectStatusChange } from './project-status-change.entity';

const projectPayload = (name: string, what: string) =>
  payloadType(name, 'project', () => Project, `The project ${what}; null when refused.`);

export const CreateProjectPayload = projectPayload('CreateProject', 'created, in DRAFT');
export const UpdateProjectPayload = projectPayload('UpdateProject', 'as updated');
export const AddProjectPartnerPayload = projectPayload('AddProjectPartner', 'with its new partner');
export const RemoveProjectPartnerPayload = projectPayload(
  'RemoveProjectPartner',
  'without the partner',
);
export const ChangeProjectStatusPayload = payloadType(
  'ChangeProjectStatus',
  'project',
  () => Project,
  'The project in its new status; null when refused.',
  {
    field: 'statusChange',
    type: () => ProjectStatusChange,
    description: 'The step written to the history.',
  },
);

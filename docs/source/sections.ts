import type { Section } from '../generate/doc-types';
import agentRegistration from './agent-registration';
import agents from './agents';
import alerts from './alerts';
import auth from './auth';
import balancing from './balancing';
import channels from './channels';
import deadLetters from './dead-letters';
import events from './events';
import hooks from './hooks';
import overview from './overview';
import pools from './pools';
import system from './system';
import tasks from './tasks';
import work from './work';

/** Every section, in the order the generated files show them (each file takes its own). */
export const SECTIONS: Section[] = [
  agentRegistration,
  work,
  overview,
  agents,
  tasks,
  deadLetters,
  balancing,
  pools,
  alerts,
  channels,
  hooks,
  events,
  auth,
  system,
];

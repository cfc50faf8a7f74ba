import type { Strings } from '../i18n';
import type { SessionState } from '../useSession';

/** What every step gets: the pane's strings and its session (state and actions). */
export interface StepProps {
  t: Strings;
  state: SessionState;
}

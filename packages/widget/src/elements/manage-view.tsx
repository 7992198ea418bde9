/**
 * @module The manage view's entry: a separate chunk, fetched only when a page shows an existing
 * booking, so the booking flow's bytes do not carry it.
 */
import { ManageApp } from '../components/ManageApp.js';
import type { Messages } from '../i18n/en.js';
import { withManage } from '../i18n/en-manage.js';
import type { ApiClient } from '../state/api-client.js';
import { createManageFlow, type ManageFlowOptions } from '../state/manage-flow.js';

export { takeManageParams } from '../state/manage-params.js';

/**
 * Builds the manage flow for one booking and starts loading it.
 *
 * @example
 * const { flow, ui } = createManageView({ api, booking: 'bk_1', token, t: () => en, emit });
 */
export function createManageView(options: {
  api: ApiClient;
  booking: string;
  token: string;
  t: () => Messages;
  emit: ManageFlowOptions['emit'] | ((type: string, detail: unknown) => void);
}) {
  const flow = createManageFlow({ ...options, t: () => withManage(options.t()) });
  return { flow, ui: <ManageApp flow={flow} /> };
}

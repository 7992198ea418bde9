/**
 * @module English words only the manage view uses, shipped in its chunk rather than the booking
 * flow's. Other languages keep them in their one file (typed `Messages & ManageMessages`): their
 * chunk is fetched whole, whichever view asks for it.
 */
import type { Messages } from './en.js';

export const enManage = {
  yourBooking: 'Your booking',
  status: {
    pending: 'Waiting for confirmation',
    confirmed: 'Confirmed',
    cancelled: 'Cancelled',
    completed: 'Completed',
    no_show: 'Missed',
  },
  cancel: 'Cancel booking',
  confirmCancel: 'Yes, cancel it',
  keep: 'Keep it',
  cancelled: 'Your booking is cancelled.',
  moveTo: (when: string) => `Move to ${when}`,
  rescheduled: 'Your booking was moved.',
};

export type ManageMessages = typeof enManage;

/** `t` with the manage words, English for any it lacks (the English dictionary leaves them out). */
export const withManage = (t: Messages): Messages & ManageMessages => ({ ...enManage, ...t });

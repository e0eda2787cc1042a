import { isAppUrl } from './sender-check';

/** Whether the window may navigate to `url`: only to the app's own pages (a reload, the dev
 * server's full reload). Links to anything else are refused, not opened. */
export function mayNavigate(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** Web permissions the renderer may have: notifications (a run ending), nothing else — no
 * camera, microphone, geolocation, clipboard reading, or anything a CRM loader has no use for. */
export function isPermissionAllowed(permission: string): boolean {
  return permission === 'notifications';
}

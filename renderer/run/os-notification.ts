/** OS notifications where the platform has them (Electron and browsers; not jsdom). */
function supported(): boolean {
  return typeof window !== 'undefined' && 'Notification' in window;
}

/** Asked when the operator starts a run (a user gesture), so the end of the run can be told. */
export async function askNotificationPermission(): Promise<void> {
  if (!supported() || Notification.permission !== 'default') return;
  try {
    await Notification.requestPermission();
  } catch {
    // Refused or unavailable: the in-app notification still tells.
  }
}

export function notifyOs(title: string, body: string): void {
  if (!supported() || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body });
  } catch {
    // Some platforms allow notifications only from a service worker: the in-app one suffices.
  }
}

/** undici's Agent on its own: its package entry also loads fetch, WebSocket, EventSource, the
 * cache and the mocks (~50 ms of CPU at every start), none of which the HTTP client uses. */
declare module 'undici/lib/dispatcher/agent.js' {
  import type { Agent } from 'undici';

  const AgentClass: typeof Agent;
  export default AgentClass;
}

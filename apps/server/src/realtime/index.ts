export {
  createRealtime,
  SOCKET_PATH,
  RECOVERY_WINDOW_MS,
  type Realtime,
  type RealtimeDeps,
} from './realtime.js';
export { rooms, MAX_CHANNELS_PER_SOCKET, type Room } from './channels.js';
export { alertRoutes, sendSystemAlert } from './alerts.routes.js';

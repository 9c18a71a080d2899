export * from './session';
export * from './crypto';
export * from './open-session';

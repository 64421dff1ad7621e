import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './api/types';

export interface PageEntry {
  path: string;
  /** In the navigation; absent for pages reached by a link (a lead). */
  label?: string;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}

const MANAGERS: readonly Role[] = ['admin', 'manager'];

/** Every page, who may open it, and where it sits in the navigation (in this order). */
export const PAGES: readonly PageEntry[] = [
  { path: '/inbox', label: 'Inbox', roles: ['rep'], component: lazy(() => import('./pages/inbox')) },
  { path: '/profile', label: 'Profile', roles: ['rep'], component: lazy(() => import('./pages/profile')) },
  { path: '/board', label: 'Live board', roles: MANAGERS, component: lazy(() => import('./pages/board')) },
  { path: '/leads', label: 'Leads', roles: MANAGERS, component: lazy(() => import('./pages/leads')) },
  { path: '/leads/:id', roles: ['admin', 'manager', 'rep'], component: lazy(() => import('./pages/lead')) },
  { path: '/reports', label: 'Reports', roles: MANAGERS, component: lazy(() => import('./pages/reports')) },
  { path: '/reps', label: 'Reps', roles: MANAGERS, component: lazy(() => import('./pages/reps')) },
  { path: '/teams', label: 'Teams', roles: MANAGERS, component: lazy(() => import('./pages/teams')) },
  { path: '/routing', label: 'Routing', roles: MANAGERS, component: lazy(() => import('./pages/routing')) },
  { path: '/forms', label: 'Forms', roles: MANAGERS, component: lazy(() => import('./pages/forms')) },
  { path: '/webhooks', label: 'Webhooks', roles: ['admin'], component: lazy(() => import('./pages/webhooks')) },
  { path: '/api-keys', label: 'API keys', roles: ['admin'], component: lazy(() => import('./pages/api-keys')) },
];

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  return role === 'rep' ? '/inbox' : role === 'capture' ? '/capture-only' : '/board';
}

import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router-dom';
import { PAGES } from '../pages';
import { useSession } from '../session';

/** The frame of every page: skip link, navigation for the key's role, who is signed in, sign out. */
export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const role = session.who.role;
  const links = PAGES.filter((page) => page.label && page.roles.includes(role));
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">leadrouter</span>
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="main-nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : undefined}>
          <ul>
            {links.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} onClick={() => setMenuOpen(false)}>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{session.who.rep ? session.who.rep.name : `${role} key`}</span>
          <button type="button" className="link" onClick={session.signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

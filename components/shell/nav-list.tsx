'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { BarChart3, Circle, Inbox, MessageSquareText, Settings, Users, type LucideIcon } from 'lucide-react';
import { cn } from '@/components/ui/cn';

export interface StaffNavItem {
  href: string;
  label: string;
}

const ICONS: Record<string, LucideIcon> = { inbox: Inbox, boards: BarChart3, customers: Users, macros: MessageSquareText, settings: Settings };
/** Pages that belong to a section without sharing its path: a ticket is part of the inbox. */
const SECTION_ALIASES: Record<string, string[]> = { '/inbox': ['/tickets'] };

function isActive(href: string, pathname: string): boolean {
  return [href, ...(SECTION_ALIASES[href] ?? [])].some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/** The main navigation; the active item follows the URL, since the layout persists across pages. */
export function NavList({ nav }: { nav: StaffNavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-0.5">
      {nav.map((item) => {
        const Icon = ICONS[item.label.trim().toLowerCase()] ?? Circle;
        const active = isActive(item.href, pathname);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-control px-3 py-2 text-sm font-medium transition-colors',
                active ? 'bg-brand-50 text-brand-700' : 'text-slate-700 hover:bg-slate-100 hover:text-slate-900',
              )}
            >
              <Icon aria-hidden="true" className={cn('size-4 shrink-0', active ? 'text-brand-600' : 'text-slate-500')} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

import { create } from 'zustand'

/**
 * Short confirmations ("URL copied") in the corner, announced politely
 *
 * `detail` is what was copied: shown truncated on screen, in full in the tooltip, so
 * the user can check it without pasting.
 */
export interface Toast {
  id: number
  message: string
  detail: string | null
  tone: 'success' | 'error'
  /** A button in the toast ("Undo"); such a toast stays until used or dismissed. */
  action: { label: string; run: () => void } | null
}

interface ToastState {
  toasts: Toast[]
  show(message: string, options?: { detail?: string | null; tone?: Toast['tone']; action?: Toast['action'] }): void
  dismiss(id: number): void
}

/** More than a few at once is noise; the oldest go first. */
const maxToasts = 3
let nextId = 1

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  show(message, options = {}) {
    const toast: Toast = { id: nextId++, message, detail: options.detail ?? null, tone: options.tone ?? 'success', action: options.action ?? null }
    set({ toasts: [...get().toasts, toast].slice(-maxToasts) })
  },
  dismiss(id) {
    set({ toasts: get().toasts.filter((toast) => toast.id !== id) })
  },
}))

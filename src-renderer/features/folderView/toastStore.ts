import { create } from 'zustand'

/** Short confirmations ("Copied …"); each disappears on its own. */
export interface Toast {
  id: number
  text: string
  detail: string | null
}

interface ToastState {
  toasts: Toast[]
  show(text: string, detail?: string | null): void
}

let nextId = 1

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  show(text, detail = null) {
    const id = nextId++
    set((s) => ({ toasts: [...s.toasts.slice(-2), { id, text, detail }] }))
    setTimeout(() => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })), 4000)
  },
}))

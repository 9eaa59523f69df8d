// The side navigation of a feature module: each module (views/<module>/module.ts) declares its
// own routes and its own group of links, so modules are added without touching the layout.
export interface NavItem {
  /** route name the link goes to */
  name: string
  /** AppIcon name */
  icon: string
  /** i18n key of the link text */
  label: string
  /** other route names under which this link shows as active (detail pages, forms) */
  also?: string[]
}

export interface NavGroup {
  /** DOM id of the group heading */
  id: string
  /** i18n key of the group heading */
  label: string
  /** permission a user needs to see the group (see session.can); none: every signed-in user */
  permission?: string
  items: NavItem[]
}

// The landscape diagram: hovering a tool or focusing it with the keyboard shows its name, licence,
// model, deployment and status: the link's accessible name (aria-label), which the generator writes
// and which is also its xlink:title, so that the text is there without this script.
(() => {
  const tip = document.createElement("div")
  tip.className = "ls-tip"
  tip.setAttribute("role", "tooltip")
  tip.id = "ls-tip"
  tip.hidden = true
  document.body.append(tip)

  const linkOf = (event) => event.target instanceof Element ? event.target.closest(".ls-diagram a[aria-label]") : null

  let current = null
  const place = (link) => {
    const cell = link.getBoundingClientRect()
    const width = tip.offsetWidth
    const height = tip.offsetHeight
    const left = Math.max(4, Math.min(cell.left, window.innerWidth - width - 4))
    const below = cell.bottom + 4
    tip.style.left = `${left}px`
    tip.style.top = `${below + height > window.innerHeight ? cell.top - height - 4 : below}px`
  }
  const show = (event) => {
    const link = linkOf(event)
    if (!link) return
    current = link
    tip.textContent = link.getAttribute("aria-label")
    tip.hidden = false
    place(link)
  }
  const hide = (event) => {
    if (linkOf(event)) {
      tip.hidden = true
      current = null
    }
  }
  document.addEventListener("mouseover", show)
  document.addEventListener("focusin", show)
  document.addEventListener("mouseout", hide)
  document.addEventListener("focusout", hide)
  // Focusing a tool may scroll it into view: the tip follows it rather than vanishing.
  window.addEventListener("scroll", () => { if (current) place(current) }, { passive: true })
})()

/**
 * What every page shares: the language (en, de), the page texts, the root's redirect to each role's home, reading
 * Rapport's view objects from pages, and turning a service's domain failure into a message on the page. The pages
 * themselves live in their features (the call list's {@code TodayPage} in {@code calllists}).
 */
package org.rapport.platform.pages;

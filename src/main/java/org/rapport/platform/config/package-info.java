/**
 * MicroProfile Config sources of Rapport's own.
 */
package org.rapport.platform.config;

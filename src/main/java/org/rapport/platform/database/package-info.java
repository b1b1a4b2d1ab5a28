/**
 * Container data sources, Flyway migrations and MyBatis.
 */
package org.rapport.platform.database;

<#ftl encoding="UTF-8">
Danke für Ihre Offenheit, ${customer.preferredName}
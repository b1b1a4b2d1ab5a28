<#ftl encoding="UTF-8">
Wie läuft es bei Ihnen, ${customer.preferredName}?
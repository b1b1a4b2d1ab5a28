<#ftl encoding="UTF-8">
Vielen Dank für Ihren Auftrag, ${customer.preferredName}
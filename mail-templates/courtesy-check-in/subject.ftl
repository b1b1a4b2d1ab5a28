<#ftl encoding="UTF-8">
How are things, ${customer.preferredName}?
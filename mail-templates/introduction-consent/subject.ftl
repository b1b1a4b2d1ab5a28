<#ftl encoding="UTF-8">
May I introduce you to someone, ${customer.preferredName}?
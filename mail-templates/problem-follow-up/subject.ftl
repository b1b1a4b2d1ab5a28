<#ftl encoding="UTF-8">
Is everything working again, ${customer.preferredName}?